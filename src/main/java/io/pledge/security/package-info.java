/** Who may call Pledge: users with hashed passwords, API tokens kept only as hashes, and first-start bootstrap. */
package io.pledge.security;
