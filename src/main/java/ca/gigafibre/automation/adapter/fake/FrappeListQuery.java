package ca.gigafibre.automation.adapter.fake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.mockserver.model.HttpRequest;

/**
 * {@code GET /api/resource/{Doctype}} as Frappe reads it: {@code fields} (default {@code ["name"]}, {@code ["*"]} = every
 * scalar field), {@code filters} (a list of {@code [field, op, value]} or a dict for equality; =, !=, >, >=, <, <=, in,
 * not in, is set/not set, like), {@code order_by} (default {@code modified desc}), {@code limit_start} and
 * {@code limit_page_length} (default 20, 0 = all). Rows never carry child tables.
 */
final class FrappeListQuery {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int DEFAULT_PAGE = 20;

    record Condition(String field, String operator, JsonNode value) {
    }

    private final List<String> fields;
    private final List<Condition> conditions;
    private final String orderBy;
    private final int start;
    private final int length;

    private FrappeListQuery(List<String> fields, List<Condition> conditions, String orderBy, int start, int length) {
        this.fields = fields;
        this.conditions = conditions;
        this.orderBy = orderBy;
        this.start = start;
        this.length = length;
    }

    static FrappeListQuery of(HttpRequest request) {
        JsonNode fieldsParam = jsonParam(request, "fields", "[\"name\"]");
        List<String> fields = new ArrayList<>();
        fieldsParam.forEach(f -> fields.add(bare(f.asText())));
        if (fields.isEmpty()) {
            fields.add("name");
        }
        List<Condition> conditions = new ArrayList<>();
        JsonNode filters = jsonParam(request, "filters", "[]");
        if (filters.isObject()) {
            filters.fields().forEachRemaining(e -> conditions.add(e.getValue().isArray() && e.getValue().size() == 2
                    ? new Condition(bare(e.getKey()), e.getValue().get(0).asText(), e.getValue().get(1))
                    : new Condition(bare(e.getKey()), "=", e.getValue())));
        } else {
            for (JsonNode filter : filters) {
                // [field, op, value] or [doctype, field, op, value]
                int offset = filter.size() >= 4 ? 1 : 0;
                if (filter.size() < 3) {
                    throw FrappeError.validation("Invalid filter: " + filter);
                }
                conditions.add(new Condition(bare(filter.get(offset).asText()), filter.get(offset + 1).asText(), filter.get(offset + 2)));
            }
        }
        String orderBy = param(request, "order_by");
        int start = intParam(request, "limit_start", 0);
        int length = intParam(request, "limit_page_length", intParam(request, "limit", DEFAULT_PAGE));
        return new FrappeListQuery(fields, conditions, orderBy == null || orderBy.isBlank() ? "modified desc" : orderBy, start, length);
    }

    /** The page of rows this query asks for. */
    ArrayNode run(FrappeDoctype doctype) {
        List<ObjectNode> candidates = candidates(doctype);
        boolean alreadyOrdered = candidates != null && isModifiedAscThenName();
        List<ObjectNode> matching = new ArrayList<>();
        for (ObjectNode document : candidates == null ? new ArrayList<>(doctype.all()) : candidates) {
            if (conditions.stream().allMatch(c -> matches(document, c))) {
                matching.add(document);
            }
        }
        if (!alreadyOrdered) {
            matching.sort(order());
        }
        ArrayNode rows = JsonNodeFactory.instance.arrayNode();
        Iterator<ObjectNode> page = matching.stream().skip(start).limit(length <= 0 ? Long.MAX_VALUE : length).iterator();
        page.forEachRemaining(document -> rows.add(project(document)));
        return rows;
    }

    /** Only the documents an index can name (an engine id, a {@code modified} watermark); null = all of them. */
    private List<ObjectNode> candidates(FrappeDoctype doctype) {
        for (Condition c : conditions) {
            if (c.field().equals(FrappeDoctype.ENGINE_ID) && c.operator().equals("=") && !c.value().asText("").isEmpty()) {
                List<ObjectNode> found = doctype.withEngineId(c.value().asText());
                found.sort(order());
                return found;
            }
        }
        for (Condition c : conditions) {
            if (c.field().equals("modified") && (c.operator().equals(">") || c.operator().equals(">="))) {
                return doctype.modifiedFrom(c.value().asText(), c.operator().equals(">="));
            }
        }
        return isModifiedAscThenName() ? doctype.byModifiedAsc() : null;
    }

    private boolean isModifiedAscThenName() {
        String normalized = orderBy.replace("`", "").replaceAll("\\s+", " ").trim().toLowerCase(Locale.ROOT);
        return normalized.equals("modified asc") || normalized.equals("modified asc, name asc") || normalized.equals("modified asc,name asc");
    }

    private Comparator<ObjectNode> order() {
        Comparator<ObjectNode> comparator = null;
        for (String part : orderBy.split(",")) {
            String[] words = part.trim().split("\\s+");
            String field = bare(words[0]);
            boolean descending = words.length > 1 && words[1].equalsIgnoreCase("desc");
            Comparator<ObjectNode> one = (a, b) -> compare(a.get(field), b.get(field));
            if (descending) {
                one = one.reversed();
            }
            comparator = comparator == null ? one : comparator.thenComparing(one);
        }
        return comparator == null ? (a, b) -> 0 : comparator;
    }

    private ObjectNode project(ObjectNode document) {
        ObjectNode row = JsonNodeFactory.instance.objectNode();
        if (fields.contains("*")) {
            document.fields().forEachRemaining(e -> {
                if (!e.getValue().isArray()) {
                    row.set(e.getKey(), e.getValue().deepCopy());
                }
            });
        }
        for (String field : fields) {
            if (!field.equals("*")) {
                JsonNode value = document.get(field);
                row.set(field, value == null || value.isArray() ? JsonNodeFactory.instance.nullNode() : value.deepCopy());
            }
        }
        return row;
    }

    static boolean matches(ObjectNode document, Condition condition) {
        JsonNode actual = document.get(condition.field());
        JsonNode wanted = condition.value();
        return switch (condition.operator().toLowerCase(Locale.ROOT).trim()) {
            case "=" -> isEmpty(actual) ? text(wanted).isEmpty() : compare(actual, wanted) == 0;
            case "!=" -> isEmpty(actual) ? !text(wanted).isEmpty() : compare(actual, wanted) != 0;
            case ">" -> !isEmpty(actual) && compare(actual, wanted) > 0;
            case ">=" -> !isEmpty(actual) && compare(actual, wanted) >= 0;
            case "<" -> !isEmpty(actual) && compare(actual, wanted) < 0;
            case "<=" -> !isEmpty(actual) && compare(actual, wanted) <= 0;
            case "in" -> values(wanted).stream().anyMatch(v -> !isEmpty(actual) ? compare(actual, v) == 0 : text(v).isEmpty());
            case "not in" -> values(wanted).stream().noneMatch(v -> !isEmpty(actual) ? compare(actual, v) == 0 : text(v).isEmpty());
            case "is" -> text(wanted).equalsIgnoreCase("set") != isEmpty(actual);
            case "like" -> !isEmpty(actual) && like(text(wanted)).matcher(text(actual)).matches();
            case "not like" -> isEmpty(actual) || !like(text(wanted)).matcher(text(actual)).matches();
            default -> throw FrappeError.validation("Operator must be one of =, !=, >, >=, <, <=, in, not in, is, like: "
                    + condition.operator());
        };
    }

    /** Numbers as numbers, everything else as text (dates and datetimes sort as text). */
    static int compare(JsonNode a, JsonNode b) {
        if (isEmpty(a) || isEmpty(b)) {
            return Boolean.compare(!isEmpty(a), !isEmpty(b));
        }
        BigDecimal x = number(a);
        BigDecimal y = number(b);
        if (x != null && y != null) {
            return x.compareTo(y);
        }
        return text(a).compareTo(text(b));
    }

    private static BigDecimal number(JsonNode node) {
        if (node.isNumber()) {
            return node.decimalValue();
        }
        if (node.isBoolean()) {
            return node.booleanValue() ? BigDecimal.ONE : BigDecimal.ZERO;
        }
        String text = node.asText();
        return text.matches("-?\\d+(\\.\\d+)?") ? new BigDecimal(text) : null;
    }

    private static List<JsonNode> values(JsonNode wanted) {
        List<JsonNode> values = new ArrayList<>();
        if (wanted.isArray()) {
            wanted.forEach(values::add);
        } else {
            for (String each : text(wanted).split(",")) {
                values.add(JsonNodeFactory.instance.textNode(each.trim()));
            }
        }
        return values;
    }

    private static Pattern like(String pattern) {
        StringBuilder regex = new StringBuilder();
        for (char c : pattern.toCharArray()) {
            regex.append(c == '%' ? ".*" : c == '_' ? "." : Pattern.quote(String.valueOf(c)));
        }
        return Pattern.compile(regex.toString(), Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    }

    private static boolean isEmpty(JsonNode node) {
        return node == null || node.isNull() || node.isMissingNode() || (node.isTextual() && node.asText().isEmpty());
    }

    private static String text(JsonNode node) {
        return node == null || node.isNull() ? "" : node.asText();
    }

    /** {@code `tabCustomer`.`modified`} → {@code modified}. */
    private static String bare(String field) {
        String plain = field.replace("`", "").trim();
        return plain.contains(".") && plain.startsWith("tab") ? plain.substring(plain.lastIndexOf('.') + 1) : plain;
    }

    private static JsonNode jsonParam(HttpRequest request, String name, String fallback) {
        String value = param(request, name);
        try {
            return JSON.readTree(value == null || value.isBlank() ? fallback : value);
        } catch (Exception e) {
            throw FrappeError.validation("Invalid " + name + ": not JSON");
        }
    }

    private static String param(HttpRequest request, String name) {
        String value = request.getFirstQueryStringParameter(name);
        return value == null || value.isEmpty() ? null : value;
    }

    private static int intParam(HttpRequest request, String name, int fallback) {
        String value = param(request, name);
        try {
            return value == null ? fallback : Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            return fallback;
        }
    }
}
