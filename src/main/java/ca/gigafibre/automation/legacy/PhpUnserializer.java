package ca.gigafibre.automation.legacy;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads PHP {@code serialize()} output: {@code N;}, {@code b:1;}, {@code i:42;}, {@code d:9.5;}, {@code s:5:"héé";}
 * and {@code a:2:{...}}. A string's length counts UTF-8 <b>bytes</b>, as PHP writes it, so the parser works on the
 * bytes and decodes each string once it has its bytes. Arrays become ordered maps (keys: {@code Long} or
 * {@code String}), integers {@code Long}, doubles {@code BigDecimal}. Objects and references are refused.
 */
public final class PhpUnserializer {

    private final byte[] in;
    private int pos;

    private PhpUnserializer(byte[] in) {
        this.in = in;
    }

    /** The value serialised in {@code bytes}; anything left after it, or anything malformed, is an error with its byte offset. */
    public static Object parse(byte[] bytes) {
        PhpUnserializer parser = new PhpUnserializer(bytes);
        Object value = parser.value();
        if (parser.pos != bytes.length) {
            throw parser.error("unexpected data after the value");
        }
        return value;
    }

    public static Object parse(String text) {
        return parse(text.getBytes(StandardCharsets.UTF_8));
    }

    private Object value() {
        if (pos >= in.length) {
            throw error("unexpected end of data");
        }
        char type = (char) in[pos++];
        switch (type) {
            case 'N' -> {
                expect(';');
                return null;
            }
            case 'b' -> {
                expect(':');
                String flag = until(';');
                if (!flag.equals("0") && !flag.equals("1")) {
                    throw error("boolean must be 0 or 1");
                }
                return flag.equals("1");
            }
            case 'i' -> {
                expect(':');
                String digits = until(';');
                try {
                    return Long.parseLong(digits);
                } catch (NumberFormatException e) {
                    throw error("'" + digits + "' is not an integer");
                }
            }
            case 'd' -> {
                expect(':');
                String number = until(';');
                try {
                    return new BigDecimal(number);
                } catch (NumberFormatException e) {
                    throw error("'" + number + "' is not a number");
                }
            }
            case 's' -> {
                expect(':');
                int length = length(until(':'));
                expect('"');
                if (pos + length > in.length) {
                    throw error("string of " + length + " bytes runs past the end of the data");
                }
                String text = new String(in, pos, length, StandardCharsets.UTF_8);
                pos += length;
                if (pos >= in.length || in[pos] != '"') {
                    throw error("string is not " + length + " bytes long (lengths count UTF-8 bytes)");
                }
                pos++;
                expect(';');
                return text;
            }
            case 'a' -> {
                expect(':');
                int count = length(until(':'));
                expect('{');
                Map<Object, Object> array = new LinkedHashMap<>();
                for (int i = 0; i < count; i++) {
                    int at = pos;
                    Object key = value();
                    if (!(key instanceof Long) && !(key instanceof String)) {
                        pos = at;
                        throw error("array key must be an integer or a string");
                    }
                    array.put(key, value());
                }
                expect('}');
                return array;
            }
            default -> {
                pos--;
                throw error("unsupported type '" + type + "'");
            }
        }
    }

    private int length(String digits) {
        try {
            int length = Integer.parseInt(digits);
            if (length < 0) {
                throw error("negative length");
            }
            return length;
        } catch (NumberFormatException e) {
            throw error("'" + digits + "' is not a length");
        }
    }

    private String until(char end) {
        int start = pos;
        while (pos < in.length && in[pos] != end) {
            pos++;
        }
        if (pos >= in.length) {
            throw error("missing '" + end + "'");
        }
        String text = new String(in, start, pos - start, StandardCharsets.US_ASCII);
        pos++;
        return text;
    }

    private void expect(char c) {
        if (pos >= in.length || in[pos] != c) {
            throw error("expected '" + c + "'");
        }
        pos++;
    }

    private PhpSerializationException error(String message) {
        return new PhpSerializationException(message + " at byte " + pos);
    }

    /** The data is not valid PHP serialisation; the message says what and at which byte. */
    public static class PhpSerializationException extends RuntimeException {
        PhpSerializationException(String message) {
            super(message);
        }
    }
}
