package ca.gigafibre.automation.legacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LegacyPhpUnserializerTest {

    @Test
    void stringLengthsCountUtf8BytesForAccentsAndEmoji() {
        // "Câble 🚀": C â(2) b l e space 🚀(4) = 11 bytes, 8 characters
        Object value = PhpUnserializer.parse("s:11:\"Câble 🚀\";");

        assertThat(value).isEqualTo("Câble 🚀");
        assertThat("Câble 🚀".getBytes(StandardCharsets.UTF_8)).hasSize(11);
    }

    @Test
    void aLengthCountedInCharactersIsCorrupted() {
        assertThatThrownBy(() -> PhpUnserializer.parse("s:5:\"Câble\";"))
                .isInstanceOf(PhpUnserializer.PhpSerializationException.class)
                .hasMessageContaining("lengths count UTF-8 bytes").hasMessageContaining("at byte 10");
    }

    @Test
    void readsTheLegacyQuoteLines() {
        String serialized = PhpSerialized.of(List.of(
                PhpSerialized.line("INST-FIB", "Installation — près de l'église 🚀", "99.00", 1, "99.00"),
                PhpSerialized.line("FIB-300", "Fibre \"300\"; {illimité}", new BigDecimal("74.95"), 2, new BigDecimal("149.90"))));

        Object parsed = PhpUnserializer.parse(serialized.getBytes(StandardCharsets.UTF_8));

        assertThat(parsed).isInstanceOf(Map.class);
        Map<?, ?> lines = (Map<?, ?>) parsed;
        assertThat(List.copyOf(lines.keySet())).isEqualTo(List.of(0L, 1L));
        Map<?, ?> first = (Map<?, ?>) lines.get(0L);
        assertThat(first.get("desc")).isEqualTo("Installation — près de l'église 🚀");
        assertThat(first.get("amt")).isEqualTo("99.00");
        assertThat(first.get("qte")).isEqualTo(1L);
        Map<?, ?> second = (Map<?, ?>) lines.get(1L);
        assertThat(second.get("desc")).isEqualTo("Fibre \"300\"; {illimité}");
        assertThat(second.get("tot")).isEqualTo(new BigDecimal("149.90"));
    }

    @Test
    void emptyArraysNullsAndBooleans() {
        assertThat((Map<?, ?>) PhpUnserializer.parse("a:0:{}")).isEmpty();
        assertThat(PhpUnserializer.parse("N;")).isNull();
        assertThat(PhpUnserializer.parse("b:1;")).isEqualTo(true);
        assertThat(PhpUnserializer.parse("d:-0.5;")).isEqualTo(new BigDecimal("-0.5"));
        assertThat(PhpUnserializer.parse("a:1:{s:1:\"k\";a:0:{}}")).isEqualTo(Map.of("k", Map.of()));
    }

    @Test
    void truncatedTrailingOrForeignDataIsRefusedWithItsOffset() {
        assertThatThrownBy(() -> PhpUnserializer.parse("a:2:{i:0;s:1:\"x\";}")).hasMessage("unsupported type '}' at byte 17");
        assertThatThrownBy(() -> PhpUnserializer.parse("a:1:{b:1;i:0;}")).hasMessageContaining("array key must be an integer or a string");
        assertThatThrownBy(() -> PhpUnserializer.parse("s:40:\"short\";")).hasMessageContaining("runs past the end");
        assertThatThrownBy(() -> PhpUnserializer.parse("i:1;i:2;")).hasMessageContaining("after the value at byte 4");
        assertThatThrownBy(() -> PhpUnserializer.parse("O:8:\"stdClass\":0:{}")).hasMessageContaining("unsupported type 'O'");
        assertThatThrownBy(() -> PhpUnserializer.parse("a:1:{i:0;i:x;}")).hasMessageContaining("'x' is not an integer");
        assertThatThrownBy(() -> PhpUnserializer.parse("")).hasMessageContaining("unexpected end");
    }
}
