package com.luckify.comment;

import java.util.Arrays;
import java.util.List;

/** The picture URLs of a comment's {@code pics}: the contract carries them as one comma-separated string. */
final class PictureUrls {

    private PictureUrls() {
    }

    static List<String> of(String pics) {
        return pics == null || pics.isBlank() ? List.of()
                : Arrays.stream(pics.split(",")).map(String::strip).filter(url -> !url.isEmpty()).toList();
    }
}
