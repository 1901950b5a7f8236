package org.wangwu.platform.web;

import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.deser.std.DelegatingDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.util.Map;

/**
 * Request bodies are read strictly: what a client sent either means exactly one thing or is refused as a
 * 400 naming the field. No trailing content after the value, no duplicate keys, no scalar coercions
 * ({@code "12"} is not 12, 12 is not {@code "12"}, 1.5 is not 1, 12345 is not {@code true}), no nulls
 * inside lists or maps, no null for a primitive, and dates only as ISO strings (Jackson would read
 * {@code []} as "no date" and {@code [2024,1,1]} as a date).
 */
@Singleton
public class StrictJson implements ObjectMapperCustomizer {

    private static final Map<LogicalType, CoercionInputShape[]> REFUSED = Map.of(
            LogicalType.Textual, new CoercionInputShape[] {CoercionInputShape.Integer, CoercionInputShape.Float, CoercionInputShape.Boolean},
            LogicalType.Integer, new CoercionInputShape[] {CoercionInputShape.String, CoercionInputShape.Float, CoercionInputShape.Boolean,
                    CoercionInputShape.EmptyString},
            LogicalType.Float, new CoercionInputShape[] {CoercionInputShape.String, CoercionInputShape.Boolean, CoercionInputShape.EmptyString},
            LogicalType.Boolean, new CoercionInputShape[] {CoercionInputShape.Integer, CoercionInputShape.Float, CoercionInputShape.String,
                    CoercionInputShape.EmptyString},
            LogicalType.Enum, new CoercionInputShape[] {CoercionInputShape.Integer, CoercionInputShape.Float, CoercionInputShape.EmptyString},
            LogicalType.DateTime, new CoercionInputShape[] {CoercionInputShape.Integer, CoercionInputShape.Float, CoercionInputShape.EmptyString,
                    CoercionInputShape.EmptyArray});

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS, DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES,
                DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS, DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY);
        mapper.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT, DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY,
                DeserializationFeature.UNWRAP_SINGLE_VALUE_ARRAYS, DeserializationFeature.ACCEPT_EMPTY_STRING_AS_NULL_OBJECT,
                DeserializationFeature.ACCEPT_EMPTY_ARRAY_AS_NULL_OBJECT);
        mapper.configure(MapperFeature.ALLOW_COERCION_OF_SCALARS, false);
        mapper.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        REFUSED.forEach((type, shapes) -> {
            for (CoercionInputShape shape : shapes) {
                mapper.coercionConfigFor(type).setCoercion(shape, CoercionAction.Fail);
            }
        });
        mapper.setDefaultSetterInfo(JsonSetter.Value.forContentNulls(Nulls.FAIL));
        mapper.registerModule(new SimpleModule("wangwu-strict-dates").setDeserializerModifier(new BeanDeserializerModifier() {
            @Override
            public JsonDeserializer<?> modifyDeserializer(DeserializationConfig config, BeanDescription bean, JsonDeserializer<?> deserializer) {
                Class<?> type = bean.getBeanClass();
                return type.getPackageName().equals("java.time") ? new StringOnly(deserializer) : deserializer;
            }
        }));
    }

    /** A java.time value must come as a string; anything else is the wrong type, said with the field's path. */
    private static final class StringOnly extends DelegatingDeserializer {

        StringOnly(JsonDeserializer<?> delegate) {
            super(delegate);
        }

        @Override
        protected JsonDeserializer<?> newDelegatingInstance(JsonDeserializer<?> delegate) {
            return new StringOnly(delegate);
        }

        @Override
        public Object deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (!p.hasToken(JsonToken.VALUE_STRING)) {
                return ctxt.handleUnexpectedToken(handledType(), p);
            }
            return _delegatee.deserialize(p, ctxt);
        }
    }
}
