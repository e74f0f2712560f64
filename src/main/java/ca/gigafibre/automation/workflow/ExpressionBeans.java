package ca.gigafibre.automation.workflow;

import ca.gigafibre.automation.platform.time.BusinessHours;
import java.util.AbstractMap;
import java.util.Set;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.context.ApplicationContext;

/**
 * The beans BPMN expressions see: delegates, listeners and {@link ExpressionBean}s, looked up lazily by name (the engine
 * is built before them). A deployed BPMN cannot call {@code ${jdbcClient…}} or {@code ${runtimeService…}}: an analyst's
 * model runs the project's delegates, nothing else.
 */
final class ExpressionBeans extends AbstractMap<Object, Object> {

    /** Expression beans of platform, which sits below workflow and so cannot carry the {@link ExpressionBean} marker. */
    private static final Set<Class<?>> PLATFORM_EXPRESSION_BEANS = Set.of(BusinessHours.class);
    private static final Set<Class<?>> REACHABLE = Set.of(JavaDelegate.class, TaskListener.class, ExecutionListener.class, ExpressionBean.class,
            BusinessHours.class);

    private final ApplicationContext context;

    ExpressionBeans(ApplicationContext context) {
        this.context = context;
    }

    @Override
    public boolean containsKey(Object name) {
        if (!(name instanceof String bean) || !context.containsBean(bean)) {
            return false;
        }
        Class<?> type = context.getType(bean);
        return type != null && REACHABLE.stream().anyMatch(allowed -> allowed.isAssignableFrom(type));
    }

    /** An {@link ExpressionBean} (settings, helpers): expressions may read it and call it; a delegate is only named. */
    boolean isExpressionBean(String name) {
        Class<?> type = containsKey(name) ? context.getType(name) : null;
        return type != null && (ExpressionBean.class.isAssignableFrom(type)
                || PLATFORM_EXPRESSION_BEANS.stream().anyMatch(allowed -> allowed.isAssignableFrom(type)));
    }

    @Override
    public Object get(Object name) {
        return containsKey(name) ? context.getBean((String) name) : null;
    }

    @Override
    public Set<Entry<Object, Object>> entrySet() {
        return Set.of();   // not listed: looked up by name only
    }
}
