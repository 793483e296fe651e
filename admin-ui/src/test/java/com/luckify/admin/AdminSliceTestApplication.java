package com.luckify.admin;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The configuration the console's {@code @WebMvcTest} slices start from (the runnable application is in app). */
@SpringBootApplication
class AdminSliceTestApplication {
}
