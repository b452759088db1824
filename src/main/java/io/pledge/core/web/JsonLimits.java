package io.pledge.core.web;

import io.pledge.core.Numbers;
import io.pledge.core.Texts;
import java.math.BigDecimal;
import org.springframework.boot.jackson.autoconfigure.JsonFactoryBuilderCustomizer;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.core.JsonParser;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.deser.jdk.NumberDeserializers;
import tools.jackson.databind.deser.jdk.StringDeserializer;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.type.LogicalType;

/**
 * What a JSON document may hold, for every document Pledge reads: bounded nesting, number and text
 * lengths; decimal numbers within {@link Numbers}' range (checked on the parsed scale and precision,
 * before anything expands them); texts that are well-formed Unicode ({@link Texts}); and no silent
 * conversion of a number or a boolean where a text is expected ({@code "name": 12345} is refused, not
 * stored as {@code "12345"}). A violation is a binding failure naming the field (HTTP 400).
 */
@Configuration(proxyBeanMethods = false)
public class JsonLimits {

    /** Nesting deeper than any Pledge document (the deepest, a calendar, has four levels). */
    public static final int MAX_NESTING = 64;

    /** Characters of one number: more than any value in range needs. */
    public static final int MAX_NUMBER_LENGTH = 64;

    /** Characters of one text value (a ticket's description is the longest Pledge keeps). */
    public static final int MAX_STRING_LENGTH = 1_000_000;

    /** Characters of one property name. */
    public static final int MAX_NAME_LENGTH = 1_000;

    @Bean
    JsonFactoryBuilderCustomizer pledgeReadConstraints() {
        return factory -> factory.streamReadConstraints(constraints());
    }

    @Bean
    JsonMapperBuilderCustomizer pledgeStrictValues() {
        return mapper -> {
            mapper.addModule(module());
            mapper.withCoercionConfig(
                    LogicalType.Textual,
                    config -> config.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                            .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                            .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail));
        };
    }

    /** The parser limits, for readers that build their own factory. */
    public static StreamReadConstraints constraints() {
        return StreamReadConstraints.builder()
                .maxNestingDepth(MAX_NESTING)
                .maxNumberLength(MAX_NUMBER_LENGTH)
                .maxStringLength(MAX_STRING_LENGTH)
                .maxNameLength(MAX_NAME_LENGTH)
                .build();
    }

    /** The bounded decimal and well-formed text deserializers. */
    public static SimpleModule module() {
        return new SimpleModule("pledge-json-limits")
                .addDeserializer(BigDecimal.class, new BoundedDecimals())
                .addDeserializer(String.class, new WellFormedTexts());
    }

    static final class BoundedDecimals extends NumberDeserializers.BigDecimalDeserializer {

        @Override
        public BigDecimal deserialize(JsonParser parser, DeserializationContext context) {
            BigDecimal value = super.deserialize(parser, context);
            if (value != null && !Numbers.inRange(value)) {
                return context.reportInputMismatch(BigDecimal.class, "must have " + Numbers.RANGE);
            }
            return value;
        }
    }

    static final class WellFormedTexts extends StringDeserializer {

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) {
            String value = super.deserialize(parser, context);
            if (value != null && !Texts.wellFormed(value)) {
                return context.reportInputMismatch(String.class, Texts.MALFORMED);
            }
            return value;
        }
    }
}
