package vn.giamngheo.standards.cli;

import java.util.Arrays;
import java.util.List;

import vn.giamngheo.standards.domain.CompiledRules;

/**
 * Counts, weights and the deprivation-count distribution per class, for the whole file
 * (slot 0) and per group (slot group + 1). Weights are exact integers of 10⁻⁶.
 */
final class Tally {

	private static final int C = CompiledRules.CLASS_COUNT;

	private final int maxDeprivations;

	private long[] n = new long[8];

	private long[] weight = new long[8];

	private long[] counts = new long[8 * C];

	private long[] weights = new long[8 * C];

	private long[] distribution;

	Tally(int maxDeprivations) {
		this.maxDeprivations = maxDeprivations;
		this.distribution = new long[8 * (maxDeprivations + 1)];
	}

	void add(int group, int code, int deprivations, long w) {
		addSlot(0, code, deprivations, w);
		if (group >= 0) {
			int slot = group + 1;
			if (slot >= this.n.length) {
				grow(slot + 1);
			}
			addSlot(slot, code, deprivations, w);
		}
	}

	private void addSlot(int slot, int code, int deprivations, long w) {
		this.n[slot]++;
		this.weight[slot] += w;
		this.counts[slot * C + code]++;
		this.weights[slot * C + code] += w;
		this.distribution[slot * (this.maxDeprivations + 1) + deprivations]++;
	}

	private void grow(int min) {
		int size = Math.max(min, this.n.length * 2);
		this.n = Arrays.copyOf(this.n, size);
		this.weight = Arrays.copyOf(this.weight, size);
		this.counts = Arrays.copyOf(this.counts, size * C);
		this.weights = Arrays.copyOf(this.weights, size * C);
		this.distribution = Arrays.copyOf(this.distribution, size * (this.maxDeprivations + 1));
	}

	/**
	 * Adds another tally into this one.
	 * @param other the other tally
	 * @param groupMap the other tally's group index → this tally's group index
	 */
	void merge(Tally other, int[] groupMap) {
		mergeSlot(other, 0, 0);
		for (int g = 0; g < groupMap.length; g++) {
			int slot = groupMap[g] + 1;
			if (slot >= this.n.length) {
				grow(slot + 1);
			}
			mergeSlot(other, g + 1, slot);
		}
	}

	private void mergeSlot(Tally other, int from, int to) {
		if (from >= other.n.length) {
			return;
		}
		this.n[to] += other.n[from];
		this.weight[to] += other.weight[from];
		for (int c = 0; c < C; c++) {
			this.counts[to * C + c] += other.counts[from * C + c];
			this.weights[to * C + c] += other.weights[from * C + c];
		}
		int d = this.maxDeprivations + 1;
		for (int i = 0; i < d; i++) {
			this.distribution[to * d + i] += other.distribution[from * d + i];
		}
	}

	private long count(int slot, String key) {
		if (key.equals("poor")) {
			return this.counts[slot * C + CompiledRules.POOR] + this.counts[slot * C + CompiledRules.POOR_INCOME]
					+ this.counts[slot * C + CompiledRules.POOR_DEPRIVATION];
		}
		return this.counts[slot * C + CompiledRules.codeOf(key)];
	}

	private long weightOf(int slot, String key) {
		if (key.equals("poor")) {
			return this.weights[slot * C + CompiledRules.POOR] + this.weights[slot * C + CompiledRules.POOR_INCOME]
					+ this.weights[slot * C + CompiledRules.POOR_DEPRIVATION];
		}
		return this.weights[slot * C + CompiledRules.codeOf(key)];
	}

	/** Writes n, counts, rates (weighted when weighted), weights and the distribution. */
	void write(Json json, int slot, List<String> classKeys, boolean weighted) {
		long total = (slot < this.n.length) ? this.n[slot] : 0;
		json.field("n", total);
		if (weighted) {
			json.number("total_weight", Fields.decimal(this.weight[slot]));
		}
		json.object("counts");
		for (String key : classKeys) {
			json.field(key, count(slot, key));
		}
		json.end();
		json.object("rates");
		for (String key : classKeys) {
			double rate;
			if (weighted) {
				rate = (this.weight[slot] == 0) ? 0 : (double) weightOf(slot, key) / this.weight[slot];
			}
			else {
				rate = (total == 0) ? 0 : (double) count(slot, key) / total;
			}
			json.field(key, rate);
		}
		json.end();
		if (weighted) {
			json.object("weighted_counts");
			for (String key : classKeys) {
				json.number(key, Fields.decimal(weightOf(slot, key)));
			}
			json.end();
		}
		json.object("deprivations");
		for (int d = 0; d <= this.maxDeprivations; d++) {
			json.field(Integer.toString(d), this.distribution[slot * (this.maxDeprivations + 1) + d]);
		}
		json.end();
	}

}
