package io.pledge.core.web.pages;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.resource.LiteWebJarsResourceResolver;

/**
 * Where the pages' static files are served from: the folders of {@code static/} by name, and the WebJars
 * by version-free paths ({@code /webjars/htmx.org/dist/htmx.min.js}). Mapped by folder rather than at
 * {@code /**}, so that each link a template writes ({@code @{/tickets/...}}), which the resource chain
 * checks against every static mapping, is not looked up in the class path, once per link and page.
 */
@Configuration(proxyBeanMethods = false)
class StaticResources implements WebMvcConfigurer {

    /** The folders of {@code src/main/resources/static}; a new one is added here. */
    static final String[] FOLDERS = {"css", "js", "img"};

    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        for (String folder : FOLDERS) {
            registry.addResourceHandler("/" + folder + "/**")
                    .addResourceLocations("classpath:/static/" + folder + "/")
                    .resourceChain(true);
        }
        registry.addResourceHandler("/webjars/**")
                .addResourceLocations("classpath:/META-INF/resources/webjars/")
                .resourceChain(true)
                .addResolver(new LiteWebJarsResourceResolver());
    }
}
