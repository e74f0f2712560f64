package ca.gigafibre.automation.platform.web;

import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.List;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.HttpOutputMessage;
import org.springframework.http.MediaType;
import org.springframework.http.converter.AbstractGenericHttpMessageConverter;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.stereotype.Component;

/**
 * Any {@code List} of records a controller returns is also served as CSV when the client sends
 * {@code Accept: text/csv}: one header row with the record's field names, one line per element (reports).
 */
@Component
public class CsvMessageConverter extends AbstractGenericHttpMessageConverter<Collection<?>> {

    public static final MediaType TEXT_CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);

    private final CsvMapper csv = CsvMapper.builder().addModule(new JavaTimeModule()).addModule(formulaGuard())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)   // columns in the record's order
            .build();

    public CsvMessageConverter() {
        super(TEXT_CSV);
    }

    @Override
    public boolean canWrite(Type type, Class<?> clazz, MediaType mediaType) {
        return Collection.class.isAssignableFrom(clazz) && elementType(type) != null && canWrite(mediaType)
                && mediaType != null && !mediaType.isWildcardType();
    }

    @Override
    protected boolean supports(Class<?> clazz) {
        return Collection.class.isAssignableFrom(clazz);
    }

    @Override
    public boolean canRead(Type type, Class<?> contextClass, MediaType mediaType) {
        return false;
    }

    @Override
    protected void writeInternal(Collection<?> rows, Type type, HttpOutputMessage output) throws IOException {
        Class<?> element = elementType(type);
        CsvSchema schema = csv.schemaFor(element).withHeader().withColumnReordering(false);
        csv.writer(schema).writeValue(output.getBody(), List.copyOf(rows));
    }

    @Override
    protected Collection<?> readInternal(Class<? extends Collection<?>> clazz, HttpInputMessage input) {
        throw new HttpMessageNotReadableException("CSV input is not accepted", input);
    }

    @Override
    public Collection<?> read(Type type, Class<?> contextClass, HttpInputMessage input) {
        throw new HttpMessageNotReadableException("CSV input is not accepted", input);
    }

    /** Every text cell goes through {@link CsvCells#safe}: no report cell runs as a spreadsheet formula. */
    private static com.fasterxml.jackson.databind.Module formulaGuard() {
        return new com.fasterxml.jackson.databind.module.SimpleModule("csv-formula-guard").addSerializer(String.class,
                new com.fasterxml.jackson.databind.ser.std.StdSerializer<String>(String.class) {
                    @Override
                    public void serialize(String value, com.fasterxml.jackson.core.JsonGenerator generator,
                                          com.fasterxml.jackson.databind.SerializerProvider provider) throws IOException {
                        generator.writeString(CsvCells.safe(value));
                    }
                });
    }

    private static Class<?> elementType(Type type) {
        if (type instanceof ParameterizedType parameterized && parameterized.getActualTypeArguments().length == 1
                && parameterized.getActualTypeArguments()[0] instanceof Class<?> element && element.isRecord()) {
            return element;
        }
        return null;
    }
}
