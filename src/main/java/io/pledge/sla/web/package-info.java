/** The SLA endpoints, and the JSON form of a clock that other modules render clocks with. */
@org.springframework.modulith.NamedInterface("web")
package io.pledge.sla.web;
