package vn.giamngheo.models.domain;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Replication (nhân rộng): a model copies another one. "Where else it now runs" is every
 * model that copies it, directly or through another copy.
 */
public final class Replication {

	private Replication() {
	}

	/**
	 * The models that replicate a model, nearest first.
	 * @param root the model
	 * @param copies of each model, the models that copy it directly
	 * @return the copies, directly or not (never the root itself)
	 */
	public static <K> List<K> spread(K root, Map<K, List<K>> copies) {
		Set<K> seen = new LinkedHashSet<>();
		Deque<K> queue = new ArrayDeque<>(copies.getOrDefault(root, List.of()));
		while (!queue.isEmpty()) {
			K next = queue.removeFirst();
			if (!Objects.equals(next, root) && seen.add(next)) {
				queue.addAll(copies.getOrDefault(next, List.of()));
			}
		}
		return new ArrayList<>(seen);
	}

	/**
	 * Whether a model may copy another: not itself, nor one of its own copies (a circle).
	 * @param model the model (null for a new one)
	 * @param source the model it would copy
	 * @param copies of each model, the models that copy it directly
	 */
	public static <K> boolean mayCopy(K model, K source, Map<K, List<K>> copies) {
		if (model == null) {
			return true;
		}
		return !model.equals(source) && !spread(model, copies).contains(source);
	}

}
