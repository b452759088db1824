/** Shared kernel: request violations and the problem-details errors every module reports through. */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package io.pledge.core;
