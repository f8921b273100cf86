package com.erp.routes.common.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import org.junit.jupiter.api.Test;

/** What a body Jackson could not bind is said to need: its field as a JSON pointer and the form it takes. */
class BindingJsonDataFormatTest {

    record Step(long approverId, Instant due) {
    }

    record Body(String title, LocalDate day, List<Step> steps) {
    }

    private static final ObjectMapper JSON = JsonMapper.builder().findAndAddModules().build();

    private static FieldError refused(String body) {
        JsonMappingException e = catchThrowableOfType(JsonMappingException.class, () -> JSON.readValue(body, Body.class));
        assertThat(e).as("refused: %s", body).isNotNull();
        return BindingJsonDataFormat.fieldOf(e);
    }

    @Test
    void aFieldDeepInTheBodyIsNamedWithWhatItTakes() {
        FieldError due = refused("{\"steps\":[{\"approverId\":1},{\"approverId\":2,\"due\":\"2025-03-03T18:30:00+0900\"}]}");
        assertThat(due.field()).isEqualTo("/steps/1/due");
        assertThat(due.message()).contains("+09:00");
        assertThat(refused("{\"day\":\"3/3/2025\"}")).isEqualTo(new FieldError("/day", "must be a date written as 2026-03-02"));
        assertThat(refused("{\"steps\":[{\"approverId\":\"nine\"}]}").message()).contains("number");
    }

    /** No way for Jackson to make it: the application's fault, not the request's. */
    interface Unmappable {
    }

    record Holder(Unmappable inside) {
    }

    @Test
    void aFailureOfNoFieldOrOfTheApplicationsOwnTypeNamesNone() {
        JsonMappingException e = catchThrowableOfType(JsonMappingException.class, () -> JSON.readValue("[1]", Body.class));
        assertThat(BindingJsonDataFormat.fieldOf(e)).isNull();
        JsonMappingException own = catchThrowableOfType(JsonMappingException.class,
                () -> JSON.readValue("{\"inside\":{\"x\":1}}", Holder.class));
        assertThat(own).isInstanceOf(com.fasterxml.jackson.databind.exc.InvalidDefinitionException.class);
        assertThat(BindingJsonDataFormat.fieldOf(own)).isNull();
    }
}
