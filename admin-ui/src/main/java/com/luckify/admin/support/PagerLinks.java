package com.luckify.admin.support;

import org.springframework.stereotype.Component;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** Links to another page of the current list that keep its filters (templates call {@code @pagerLinks.with}). */
@Component("pagerLinks")
public class PagerLinks {

    /** {@code path} with the current request's query, {@code name} set to {@code value}; relative to the host. */
    public String with(String path, String name, Object value) {
        return ServletUriComponentsBuilder.fromCurrentRequest().replacePath(path).replaceQueryParam(name, value)
                .build().toUriString().replaceFirst("^[a-z]+://[^/]+", "");
    }
}
