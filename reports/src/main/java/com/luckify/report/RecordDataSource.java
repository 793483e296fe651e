package com.luckify.report;

import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import net.sf.jasperreports.engine.JRDataSource;
import net.sf.jasperreports.engine.JRException;
import net.sf.jasperreports.engine.JRField;

/**
 * Rows for a template from Java records, one at a time: JasperReports' bean data source reads getters only, and a
 * list would hold a 100,000-winner report in memory. A field's name is the record component it reads.
 */
final class RecordDataSource implements JRDataSource {

    private final Iterator<? extends Record> rows;
    private final Map<String, Method> accessors = new HashMap<>();
    private Record current;

    RecordDataSource(Iterator<? extends Record> rows) {
        this.rows = rows;
    }

    @Override
    public boolean next() {
        if (!rows.hasNext()) {
            return false;
        }
        current = rows.next();
        return true;
    }

    @Override
    public Object getFieldValue(JRField field) throws JRException {
        Method accessor = accessors.computeIfAbsent(field.getName(), this::accessor);
        if (accessor == null) {
            throw new JRException("no record component " + field.getName() + " in " + current.getClass().getSimpleName());
        }
        try {
            return accessor.invoke(current);
        } catch (ReflectiveOperationException e) {
            throw new JRException(e);
        }
    }

    private Method accessor(String name) {
        for (RecordComponent component : current.getClass().getRecordComponents()) {
            if (component.getName().equals(name)) {
                Method method = component.getAccessor();
                method.setAccessible(true);
                return method;
            }
        }
        return null;
    }
}
