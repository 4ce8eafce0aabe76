package vn.giamngheo.benefits.persistence;

import java.util.ArrayList;
import java.util.List;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Rows of a page and the count of every row that matches.
 *
 * @param <T> row type
 * @param items the rows
 * @param total how many match
 */
public record Rows<T>(List<T> items, long total) {

	/**
	 * Runs a filtered list as a count and a page of rows.
	 * @param from the {@code from ... where ...} part shared by both
	 * @param select the select list ({@code select r.*, ...})
	 * @param order the {@code order by} clause
	 * @param params the parameters of {@code from}
	 */
	static <T> Rows<T> page(JdbcClient jdbc, String select, String from, String order, List<Object> params, int page,
			int size, RowMapper<T> mapper) {
		long total = jdbc.sql("select count(*) " + from).params(params).query(Long.class).single();
		List<Object> paged = new ArrayList<>(params);
		paged.add(size);
		paged.add((long) page * size);
		List<T> rows = jdbc.sql(select + " " + from + " " + order + " limit ? offset ?")
			.params(paged)
			.query(mapper)
			.list();
		return new Rows<>(rows, total);
	}

}
