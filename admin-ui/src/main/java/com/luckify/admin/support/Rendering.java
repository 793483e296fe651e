package com.luckify.admin.support;

import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxRequest;

/**
 * One URL, two renderings: the whole page for a browser navigation (or htmx restoring history it lost), the named
 * fragment of the same template for an htmx request.
 */
public final class Rendering {

    private Rendering() {
    }

    public static String of(HtmxRequest htmx, String template, String fragment) {
        return htmx.isHtmxRequest() && !htmx.isHistoryRestoreRequest() ? template + " :: " + fragment : template;
    }
}
