package io.pledge.trust;

/** A trust page, its systems, figures or incidents changed: the public snapshot is rebuilt once it commits. */
public record TrustPublicationChanged() {}
