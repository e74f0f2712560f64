package ca.gigafibre.automation.legacy;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/** Writes what PHP's serialize() writes, for fixtures: string lengths in UTF-8 bytes. */
final class PhpSerialized {

    private PhpSerialized() {
    }

    static String of(Object value) {
        StringBuilder out = new StringBuilder();
        write(value, out);
        return out.toString();
    }

    private static void write(Object value, StringBuilder out) {
        if (value == null) {
            out.append("N;");
        } else if (value instanceof Boolean b) {
            out.append("b:").append(b ? 1 : 0).append(';');
        } else if (value instanceof Integer || value instanceof Long) {
            out.append("i:").append(value).append(';');
        } else if (value instanceof BigDecimal || value instanceof Double) {
            out.append("d:").append(value).append(';');
        } else if (value instanceof String s) {
            out.append("s:").append(s.getBytes(StandardCharsets.UTF_8).length).append(":\"").append(s).append("\";");
        } else if (value instanceof List<?> list) {
            out.append("a:").append(list.size()).append(":{");
            for (int i = 0; i < list.size(); i++) {
                out.append("i:").append(i).append(';');
                write(list.get(i), out);
            }
            out.append('}');
        } else if (value instanceof Map<?, ?> map) {
            out.append("a:").append(map.size()).append(":{");
            map.forEach((k, v) -> {
                write(k, out);
                write(v, out);
            });
            out.append('}');
        } else {
            throw new IllegalArgumentException(value.getClass().getName());
        }
    }

    /** One quote line as the legacy PHP application stored it. */
    static Map<String, Object> line(String sku, String desc, Object amt, Object qte, Object tot) {
        Map<String, Object> line = new java.util.LinkedHashMap<>();
        line.put("sku", sku);
        line.put("desc", desc);
        line.put("amt", amt);
        line.put("qte", qte);
        line.put("tot", tot);
        return line;
    }
}
