package vn.giamngheo.imports.domain;

import java.util.Arrays;

/**
 * A map of long keys to int values without boxing (open addressing): about 12 bytes per
 * entry instead of about 80 for a {@code HashMap<Long, Integer>}, for the per-row sets of
 * a large file (row signatures, citizen IDs).
 */
final class LongIntMap {

	private static final int NONE = Integer.MIN_VALUE;

	private long[] keys;

	private int[] values;

	private int size;

	private int zeroValue = NONE;

	LongIntMap(int expected) {
		int capacity = Integer.highestOneBit(Math.max(16, expected * 2 - 1)) << 1;
		this.keys = new long[capacity];
		this.values = new int[capacity];
	}

	/**
	 * Stores the value unless the key is there.
	 * @return the value already stored, or {@code null} when the key was new
	 */
	Integer putIfAbsent(long key, int value) {
		if (key == 0) {
			if (this.zeroValue != NONE) {
				return this.zeroValue;
			}
			this.zeroValue = value;
			return null;
		}
		int mask = this.keys.length - 1;
		int i = mix(key) & mask;
		while (this.keys[i] != 0) {
			if (this.keys[i] == key) {
				return this.values[i];
			}
			i = (i + 1) & mask;
		}
		this.keys[i] = key;
		this.values[i] = value;
		if (++this.size * 2 > this.keys.length) {
			grow();
		}
		return null;
	}

	int size() {
		return this.size + ((this.zeroValue != NONE) ? 1 : 0);
	}

	private void grow() {
		long[] oldKeys = this.keys;
		int[] oldValues = this.values;
		this.keys = new long[oldKeys.length * 2];
		this.values = new int[oldKeys.length * 2];
		this.size = 0;
		int zero = this.zeroValue;
		for (int i = 0; i < oldKeys.length; i++) {
			if (oldKeys[i] != 0) {
				putIfAbsent(oldKeys[i], oldValues[i]);
			}
		}
		this.zeroValue = zero;
	}

	private static int mix(long key) {
		long h = key * 0x9E3779B97F4A7C15L;
		return (int) (h ^ (h >>> 32));
	}

	@Override
	public String toString() {
		return "LongIntMap" + Arrays.toString(new int[] { size() });
	}

}
