package vn.giamngheo.shared;

import java.util.List;

/**
 * A page of results.
 *
 * @param <T> item type
 * @param items items
 * @param page page number from 0
 * @param size page size
 * @param total total matching items
 */
public record Page<T>(List<T> items, int page, int size, long total) {

	public int pages() {
		return (int) ((this.total + this.size - 1) / this.size);
	}

	public boolean hasNext() {
		return (long) (this.page + 1) * this.size < this.total;
	}

}
