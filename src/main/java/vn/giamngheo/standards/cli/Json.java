package vn.giamngheo.standards.cli;

/**
 * A tiny JSON writer for the batch outputs (keeps the batch command free of a JSON
 * library and quick to start).
 */
final class Json {

	private final StringBuilder out = new StringBuilder(4096);

	private int depth;

	private boolean first = true;

	Json begin() {
		return raw('{', true);
	}

	Json end() {
		this.depth--;
		this.out.append('\n').append("  ".repeat(this.depth)).append('}');
		this.first = false;
		return this;
	}

	Json beginArray(String key) {
		key(key);
		this.out.append('[');
		this.depth++;
		this.first = true;
		return this;
	}

	Json endArray() {
		this.depth--;
		this.out.append('\n').append("  ".repeat(this.depth)).append(']');
		this.first = false;
		return this;
	}

	Json object(String key) {
		key(key);
		return raw('{', true);
	}

	Json element() {
		comma();
		return raw('{', true);
	}

	Json field(String key, String value) {
		key(key);
		if (value == null) {
			this.out.append("null");
		}
		else {
			string(value);
		}
		return this;
	}

	Json field(String key, long value) {
		key(key);
		this.out.append(value);
		return this;
	}

	Json field(String key, boolean value) {
		key(key);
		this.out.append(value);
		return this;
	}

	Json field(String key, double value) {
		key(key);
		this.out.append(Double.isFinite(value) ? Double.toString(value) : "null");
		return this;
	}

	/** A number written verbatim (e.g. an exact decimal). */
	Json number(String key, String value) {
		key(key);
		this.out.append(value);
		return this;
	}

	private Json raw(char c, boolean open) {
		this.out.append(c);
		if (open) {
			this.depth++;
			this.first = true;
		}
		return this;
	}

	private void comma() {
		if (!this.first) {
			this.out.append(',');
		}
		this.first = false;
		this.out.append('\n').append("  ".repeat(this.depth));
	}

	private void key(String key) {
		comma();
		string(key);
		this.out.append(": ");
	}

	private void string(String s) {
		this.out.append('"');
		for (int i = 0; i < s.length(); i++) {
			char c = s.charAt(i);
			switch (c) {
				case '"' -> this.out.append("\\\"");
				case '\\' -> this.out.append("\\\\");
				case '\n' -> this.out.append("\\n");
				case '\r' -> this.out.append("\\r");
				case '\t' -> this.out.append("\\t");
				default -> {
					if (c < 0x20) {
						this.out.append(String.format("\\u%04x", (int) c));
					}
					else {
						this.out.append(c);
					}
				}
			}
		}
		this.out.append('"');
	}

	@Override
	public String toString() {
		return this.out.toString() + "\n";
	}

	/**
	 * Writes the document to the {@code --out} file, or to standard output when there is
	 * none.
	 */
	void emit(String outFile, java.io.PrintStream out) throws java.io.IOException {
		String text = toString();
		if (outFile != null) {
			java.nio.file.Files.writeString(java.nio.file.Path.of(outFile), text,
					java.nio.charset.StandardCharsets.UTF_8);
		}
		else {
			out.print(text);
			out.flush();
		}
	}

}
