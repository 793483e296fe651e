package com.luckify.admin.support;

import com.luckify.admin.security.StaffOidcUser;
import com.luckify.admin.security.StaffPrincipal;
import com.luckify.audit.StaffActor;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;
import org.springframework.core.MethodParameter;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/** Gives controllers the {@link StaffActor} behind the request (for the audit log) from the session's login. */
final class CurrentStaff implements HandlerMethodArgumentResolver {

    static Optional<StaffPrincipal> principal() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null) {
            return Optional.empty();
        }
        if (authentication.getPrincipal() instanceof StaffPrincipal staff) {
            return Optional.of(staff);
        }
        if (authentication.getPrincipal() instanceof StaffOidcUser oidc) {
            return Optional.of(oidc.staff());
        }
        return Optional.empty();
    }

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType() == StaffActor.class;
    }

    @Override
    public StaffActor resolveArgument(MethodParameter parameter, ModelAndViewContainer container,
            NativeWebRequest webRequest, WebDataBinderFactory binders) {
        StaffPrincipal staff = principal().orElseThrow(() -> new IllegalStateException("no staff login"));
        HttpServletRequest request = webRequest.getNativeRequest(HttpServletRequest.class);
        return new StaffActor(staff.staffId(), staff.username(), request == null ? "" : request.getRemoteAddr());
    }
}
