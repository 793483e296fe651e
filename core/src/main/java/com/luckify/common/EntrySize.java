package com.luckify.common;

import java.lang.reflect.Array;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.time.temporal.TemporalAccessor;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;

/**
 * Roughly how many bytes of heap a cached value holds: records, strings, collections, arrays and boxed values,
 * walked to their leaves. It errs on the large side (every character counts two bytes, as a string that is not
 * Latin-1 takes) so that a byte budget is kept, not merely approached; anything it does not know counts as a
 * small object. Cached values are trees of records, so there are no cycles to follow; a depth limit guards anyway.
 */
final class EntrySize {

    private static final int HEADER = 16;
    private static final int REFERENCE = 8;
    private static final int MAX_DEPTH = 16;
    private static final ClassValue<Method[]> ACCESSORS = new ClassValue<>() {
        @Override
        protected Method[] computeValue(Class<?> type) {
            RecordComponent[] components = type.getRecordComponents();
            Method[] accessors = new Method[components.length];
            for (int i = 0; i < components.length; i++) {
                // cached records are often private to their feature's service
                accessors[i] = components[i].getAccessor();
                accessors[i].setAccessible(true);
            }
            return accessors;
        }
    };

    private EntrySize() {
    }

    static long of(Object value) {
        return of(value, 0);
    }

    private static long of(Object value, int depth) {
        if (value == null || value instanceof Enum<?>) {
            return 0;
        }
        if (depth > MAX_DEPTH) {
            return HEADER;
        }
        if (value instanceof String text) {
            // the String, its array's header, two bytes a character at most
            return 24 + HEADER + 2L * text.length();
        }
        if (value instanceof Number || value instanceof Boolean || value instanceof Character) {
            return HEADER + 8;
        }
        if (value instanceof TemporalAccessor) {
            return HEADER + 16;
        }
        if (value instanceof Optional<?> optional) {
            return HEADER + of(optional.orElse(null), depth + 1);
        }
        if (value instanceof Collection<?> items) {
            long size = 40 + (long) REFERENCE * items.size();
            for (Object item : items) {
                size += of(item, depth + 1);
            }
            return size;
        }
        if (value instanceof Map<?, ?> map) {
            long size = 48 + 40L * map.size();
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                size += of(entry.getKey(), depth + 1) + of(entry.getValue(), depth + 1);
            }
            return size;
        }
        if (value instanceof Record) {
            return recordSize(value, depth);
        }
        if (value.getClass().isArray()) {
            return arraySize(value, depth);
        }
        return HEADER + 4L * REFERENCE;
    }

    private static long recordSize(Object record, int depth) {
        Method[] accessors = ACCESSORS.get(record.getClass());
        long size = HEADER + (long) REFERENCE * accessors.length;
        for (Method accessor : accessors) {
            if (!accessor.getReturnType().isPrimitive()) {
                try {
                    size += of(accessor.invoke(record), depth + 1);
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException("cannot weigh " + record.getClass().getName(), e);
                }
            }
        }
        return size;
    }

    private static long arraySize(Object array, int depth) {
        int length = Array.getLength(array);
        if (array.getClass().getComponentType().isPrimitive()) {
            return HEADER + 8L * length;
        }
        long size = HEADER + (long) REFERENCE * length;
        for (int i = 0; i < length; i++) {
            size += of(Array.get(array, i), depth + 1);
        }
        return size;
    }
}
