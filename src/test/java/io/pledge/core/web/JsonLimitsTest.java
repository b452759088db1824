package io.pledge.core.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.core.JacksonException;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.json.JsonMapper;

/** The JSON reading limits, applied as the application applies them to its mapper. */
class JsonLimitsTest {

    record Rule(String name, BigDecimal ratio, List<BigDecimal> thresholds) {}

    static final JsonMapper MAPPER = mapper();

    static JsonMapper mapper() {
        JsonLimits limits = new JsonLimits();
        tools.jackson.core.json.JsonFactoryBuilder factory = JsonFactory.builder();
        limits.pledgeReadConstraints().customize(factory);
        JsonMapper.Builder builder = JsonMapper.builder(factory.build());
        limits.pledgeStrictValues().customize(builder);
        return builder.build();
    }

    @Test
    void aDecimalOutOfRangeIsRefusedQuicklyNamingTheField() {
        long started = System.nanoTime();
        assertThatThrownBy(() -> MAPPER.readValue("{\"ratio\": 1e-999999999}", Rule.class))
                .isInstanceOf(JacksonException.class)
                .satisfies(e -> assertThat(
                                JsonViolations.of((JacksonException) e, "").field())
                        .isEqualTo("ratio"));
        assertThatThrownBy(() -> MAPPER.readValue("{\"thresholds\": [0.5, 1E+999999999]}", Rule.class))
                .satisfies(e -> assertThat(
                                JsonViolations.of((JacksonException) e, "").field())
                        .isEqualTo("thresholds[1]"));
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(1));
        assertThat(MAPPER.readValue("{\"ratio\": 0.75}", Rule.class).ratio()).isEqualByComparingTo("0.75");
    }

    @Test
    void aNumberOrABooleanIsNotTakenForAText() {
        assertThatThrownBy(() -> MAPPER.readValue("{\"name\": 12345}", Rule.class))
                .satisfies(e -> assertThat(
                                JsonViolations.of((JacksonException) e, "").field())
                        .isEqualTo("name"));
        assertThatThrownBy(() -> MAPPER.readValue("{\"name\": true}", Rule.class))
                .isInstanceOf(JacksonException.class);
        assertThatThrownBy(() -> MAPPER.readValue("{\"name\": 1.5}", Rule.class))
                .isInstanceOf(JacksonException.class);
        assertThat(MAPPER.readValue("{\"name\": \"12345\"}", Rule.class).name()).isEqualTo("12345");
    }

    @Test
    void aTextWithALoneSurrogateIsRefused() {
        assertThatThrownBy(() -> MAPPER.readValue("{\"name\": \"pass\\ud800word\"}", Rule.class))
                .satisfies(e -> assertThat(
                                JsonViolations.of((JacksonException) e, "").message())
                        .contains("lone UTF-16 surrogate"));
        assertThat(MAPPER.readValue("{\"name\": \"\\ud83d\\ude00\"}", Rule.class)
                        .name())
                .isEqualTo("😀");
    }

    @Test
    void nestingAndNumberLengthAreBounded() {
        String deep = "[".repeat(JsonLimits.MAX_NESTING + 1) + "]".repeat(JsonLimits.MAX_NESTING + 1);
        assertThatThrownBy(() -> MAPPER.readValue(deep, Object.class)).isInstanceOf(JacksonException.class);
        String longNumber = "{\"ratio\": 0." + "1".repeat(JsonLimits.MAX_NUMBER_LENGTH) + "}";
        assertThatThrownBy(() -> MAPPER.readValue(longNumber, Rule.class)).isInstanceOf(JacksonException.class);
        assertThat(MAPPER.readValue("{\"a\": {\"b\": [1, 2]}}", Map.class)).containsKey("a");
    }
}
