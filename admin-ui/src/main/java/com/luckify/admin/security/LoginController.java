package com.luckify.admin.security;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

@Controller
class LoginController {

    @GetMapping(AdminSecurityConfiguration.LOGIN)
    String login() {
        return "admin/login";
    }
}
