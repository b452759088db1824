package io.pledge.clients;

/** A person at a client the MSP talks to; email and phone are optional. */
public record Contact(String name, String email, String phone) {}
