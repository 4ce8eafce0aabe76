package vn.giamngheo.standards.cli;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Interns group values read as byte ranges into small integer indexes, allocating only
 * for a value never seen before.
 */
final class GroupTable {

	private int[] slots = new int[256];

	private final List<byte[]> keys = new ArrayList<>();

	private final List<String> names = new ArrayList<>();

	GroupTable() {
		Arrays.fill(this.slots, -1);
	}

	int indexOf(byte[] b, int s, int e) {
		int h = 1;
		for (int i = s; i < e; i++) {
			h = 31 * h + b[i];
		}
		int mask = this.slots.length - 1;
		int slot = (h ^ (h >>> 16)) & mask;
		while (true) {
			int idx = this.slots[slot];
			if (idx < 0) {
				break;
			}
			if (Arrays.equals(this.keys.get(idx), 0, this.keys.get(idx).length, b, s, e)) {
				return idx;
			}
			slot = (slot + 1) & mask;
		}
		int idx = this.keys.size();
		this.keys.add(Arrays.copyOfRange(b, s, e));
		this.names.add(new String(b, s, e - s, StandardCharsets.UTF_8));
		this.slots[slot] = idx;
		if (this.keys.size() * 2 > this.slots.length) {
			rehash();
		}
		return idx;
	}

	private void rehash() {
		int[] next = new int[this.slots.length * 2];
		Arrays.fill(next, -1);
		int mask = next.length - 1;
		for (int idx = 0; idx < this.keys.size(); idx++) {
			byte[] k = this.keys.get(idx);
			int h = 1;
			for (byte x : k) {
				h = 31 * h + x;
			}
			int slot = (h ^ (h >>> 16)) & mask;
			while (next[slot] >= 0) {
				slot = (slot + 1) & mask;
			}
			next[slot] = idx;
		}
		this.slots = next;
	}

	int size() {
		return this.keys.size();
	}

	String name(int index) {
		return this.names.get(index);
	}

}
