package com.luckify.common;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.ibatis.reflection.ReflectionException;
import org.apache.ibatis.reflection.factory.DefaultObjectFactory;

/**
 * MyBatis's object factory, with each constructor looked up and made accessible once. Our row types are
 * package-private records; MyBatis's default factory first calls their constructor as if it were public,
 * catches the {@code IllegalAccessException} and only then makes it accessible, for every row: building
 * those exceptions was 4% of the CPU of a one-row request in the benchmark.
 */
final class AccessibleObjectFactory extends DefaultObjectFactory {

    private static final long serialVersionUID = 1L;

    private final transient Map<Signature, Constructor<?>> constructors = new ConcurrentHashMap<>();

    @Override
    @SuppressWarnings("unchecked")
    public <T> T create(Class<T> type, List<Class<?>> argTypes, List<Object> args) {
        Class<?> target = resolveInterface(type);
        List<Class<?>> types = argTypes == null ? List.of() : argTypes;
        Constructor<?> constructor = constructors.get(new Signature(target, types));
        if (constructor == null) {
            // MyBatis builds a new list per row: the key keeps a copy of its own
            Signature signature = new Signature(target, List.copyOf(types));
            constructor = constructors.computeIfAbsent(signature, AccessibleObjectFactory::accessibleConstructor);
        }
        try {
            return (T) constructor.newInstance(args == null ? new Object[0] : args.toArray());
        } catch (InstantiationException | IllegalAccessException | InvocationTargetException e) {
            throw new ReflectionException("Error instantiating " + target.getName() + " with " + types + ": " + e, e);
        }
    }

    private static Constructor<?> accessibleConstructor(Signature signature) {
        try {
            Class<?>[] parameterTypes = signature.argTypes().toArray(Class<?>[]::new);
            Constructor<?> constructor = signature.type().getDeclaredConstructor(parameterTypes);
            constructor.setAccessible(true);
            return constructor;
        } catch (NoSuchMethodException e) {
            throw new ReflectionException("No constructor " + signature.argTypes() + " in " + signature.type().getName(), e);
        }
    }

    private record Signature(Class<?> type, List<Class<?>> argTypes) {
    }
}
