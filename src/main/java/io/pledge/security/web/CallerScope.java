package io.pledge.security.web;

import io.pledge.core.Scope;
import io.pledge.security.Role;
import java.util.List;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Gives a controller method the caller's {@link Scope}: one client's for a CLIENT caller, everything for
 * the MSP's staff. A controller that reads or writes client-owned data takes a {@code Scope} parameter and
 * hands it to the query; there is no other way for it to learn who is calling.
 */
@Configuration(proxyBeanMethods = false)
class CallerScope implements WebMvcConfigurer, HandlerMethodArgumentResolver {

    static {
        // Not a request parameter: the OpenAPI description leaves it out.
        SpringDocUtils.getConfig().addRequestWrapperToIgnore(Scope.class);
    }

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(this);
    }

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType() == Scope.class;
    }

    @Override
    public Scope resolveArgument(
            MethodParameter parameter,
            ModelAndViewContainer container,
            NativeWebRequest request,
            WebDataBinderFactory binders) {
        return of(Caller.of(SecurityContextHolder.getContext().getAuthentication()));
    }

    /** The scope of a caller; refused when it is nobody, or a CLIENT caller acting for no client. */
    static Scope of(Caller caller) {
        if (caller == null) {
            throw new AuthenticationCredentialsNotFoundException("no caller");
        }
        if (caller.role() != Role.CLIENT) {
            return Scope.everything();
        }
        if (caller.clientId() == null) {
            throw new AccessDeniedException("a CLIENT caller acts for a client, and this one has none");
        }
        return Scope.client(caller.clientId());
    }
}
