package vn.giamngheo.shared.error;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A refusal shown after a redirect travels in the session's flash attributes, and
 * sessions are stored in PostgreSQL (ADR 0052): it must come back from serialisation with
 * its message arguments, field problems and properties, whatever they hold.
 */
class DomainExceptionSerializationTest {

	/** Not serialisable, as records are by default. */
	record Conflict(String with) {
	}

	@Test
	void aRefusalComesBackWithItsArgumentsFieldProblemsAndProperties() throws Exception {
		DomainException ex = new DomainException(ErrorCode.INVALID_INPUT, "error.invalid",
				List.of(new DomainException.FieldProblem("size", "error.field.range", 1, new Conflict("x"))), "a", 7,
				new Conflict("b"))
			.with("conflict", new Conflict("c"))
			.with("version", 3);
		DomainException back = roundTrip(ex);
		assertThat(back.code()).isEqualTo(ErrorCode.INVALID_INPUT);
		assertThat(back.messageKey()).isEqualTo("error.invalid");
		assertThat(back.args()).containsExactly("a", 7, "Conflict[with=b]");
		assertThat(back.fieldProblems()).singleElement().satisfies((p) -> {
			assertThat(p.field()).isEqualTo("size");
			assertThat(p.args()).containsExactly(1, "Conflict[with=x]");
		});
		assertThat(back.properties()).containsEntry("conflict", "Conflict[with=c]").containsEntry("version", 3);
	}

	@Test
	void theOriginalKeepsItsPropertiesAsGiven() {
		Conflict conflict = new Conflict("c");
		DomainException ex = DomainException.busy().with("conflict", conflict);
		assertThat(ex.properties().get("conflict")).isSameAs(conflict);
	}

	@SuppressWarnings("unchecked")
	static <T> T roundTrip(T value) throws Exception {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
			out.writeObject(value);
		}
		try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
			return (T) in.readObject();
		}
	}

}
