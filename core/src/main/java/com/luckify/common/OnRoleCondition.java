package com.luckify.common;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

class OnRoleCondition implements Condition {

    static final String PROPERTY = "luckify.roles";

    @Override
    public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
        Role wanted = (Role) metadata.getAnnotationAttributes(ConditionalOnRole.class.getName()).get("value");
        return activeRoles(context).contains(wanted);
    }

    private static List<Role> activeRoles(ConditionContext context) {
        List<String> configured = Binder.get(context.getEnvironment())
                .bind(PROPERTY, String[].class)
                .map(Arrays::asList)
                .orElse(Arrays.stream(Role.values()).map(Role::key).toList());
        return configured.stream().map(OnRoleCondition::parse).collect(Collectors.toList());
    }

    private static Role parse(String key) {
        try {
            return Role.valueOf(key.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("Unknown role '" + key + "' in " + PROPERTY + "; known roles: "
                    + Arrays.stream(Role.values()).map(Role::key).collect(Collectors.joining(",")));
        }
    }
}
