package vn.giamngheo.standards.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code --name value} options, repeatable ones collected in order, and boolean flags.
 */
final class Args {

	private final Map<String, List<String>> values = new LinkedHashMap<>();

	private Args() {
	}

	static Args parse(String[] args, Set<String> options, Set<String> flags) {
		Args result = new Args();
		for (int i = 0; i < args.length; i++) {
			String a = args[i];
			if (flags.contains(a)) {
				result.values.computeIfAbsent(a, (k) -> new ArrayList<>()).add("true");
			}
			else if (options.contains(a)) {
				if (i + 1 >= args.length) {
					throw new UsageException("option " + a + " needs a value / tùy chọn " + a + " cần một giá trị");
				}
				result.values.computeIfAbsent(a, (k) -> new ArrayList<>()).add(args[++i]);
			}
			else {
				throw new UsageException("unknown option / tùy chọn không hợp lệ: " + a);
			}
		}
		return result;
	}

	String get(String name) {
		List<String> v = this.values.get(name);
		return (v == null) ? null : v.get(v.size() - 1);
	}

	String require(String name) {
		String v = get(name);
		if (v == null) {
			throw new UsageException("missing option / thiếu tùy chọn " + name);
		}
		return v;
	}

	List<String> all(String name) {
		return this.values.getOrDefault(name, List.of());
	}

	boolean has(String name) {
		return this.values.containsKey(name);
	}

	/** Wrong command-line usage. */
	static final class UsageException extends RuntimeException {

		UsageException(String message) {
			super(message);
		}

	}

}
