package vn.giamngheo.shared.scope;

import java.util.List;

/**
 * Where a user may read (view scope) and write (capture scope), as materialised-path
 * prefixes of administrative units ({@code /12/340/}). {@code nation} means every unit.
 * Every query of data that hangs off a unit filters by these prefixes.
 *
 * @param nation the whole country
 * @param viewPaths path prefixes the user may read
 * @param capturePaths path prefixes the user may write
 */
public record DataScope(boolean nation, List<String> viewPaths, List<String> capturePaths) {

	public static final DataScope NATION = new DataScope(true, List.of("/"), List.of("/"));

	public static final DataScope NONE = new DataScope(false, List.of(), List.of());

	public DataScope {
		viewPaths = List.copyOf(viewPaths);
		capturePaths = List.copyOf(capturePaths);
	}

	public boolean canView(String unitPath) {
		return this.nation || matches(this.viewPaths, unitPath);
	}

	public boolean canCapture(String unitPath) {
		return this.nation || matches(this.capturePaths, unitPath);
	}

	/** Prefixes for SQL {@code path LIKE ANY(?)} with a trailing {@code %}. */
	public String[] viewPatterns() {
		return this.nation ? new String[] { "/%" } : this.viewPaths.stream().map((p) -> p + "%").toArray(String[]::new);
	}

	/** Prefixes of the capture scope for SQL {@code path LIKE ANY(?)}. */
	public String[] capturePatterns() {
		return this.nation ? new String[] { "/%" }
				: this.capturePaths.stream().map((p) -> p + "%").toArray(String[]::new);
	}

	private static boolean matches(List<String> prefixes, String path) {
		if (path == null) {
			return false;
		}
		for (String prefix : prefixes) {
			if (path.startsWith(prefix)) {
				return true;
			}
		}
		return false;
	}

}
