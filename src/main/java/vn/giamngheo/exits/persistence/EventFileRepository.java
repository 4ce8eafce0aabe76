package vn.giamngheo.exits.persistence;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import vn.giamngheo.shared.text.TextNormalizer;

/**
 * SQL of the event files: the households a file names, in the uploader's capture scope.
 */
@Repository
public class EventFileRepository {

	private final JdbcClient jdbc;

	public EventFileRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * A household a file names.
	 *
	 * @param householdId the household
	 * @param provinceCode its province
	 * @param unitPath its village path
	 * @param members its live members: folded name → id
	 */
	public record Target(UUID householdId, String provinceCode, String unitPath, Map<String, UUID> members) {
	}

	/** The live households with these codes in the capture patterns, by code. */
	public Map<String, Target> targets(Collection<String> codes, String[] capturePatterns) {
		Map<String, Target> map = new HashMap<>();
		if (codes.isEmpty()) {
			return map;
		}
		this.jdbc.sql("""
				select h.code, h.id, h.province_code, h.unit_path, m.id as member_id, m.full_name
				from household h left join member m on m.household_id = h.id and not m.voided
				where h.code = any(?) and not h.voided and h.unit_path like any(?)""")
			.params(codes.toArray(String[]::new), capturePatterns)
			.query((rs) -> {
				Target t = map.get(rs.getString("code"));
				if (t == null) {
					t = new Target(rs.getObject("id", UUID.class), rs.getString("province_code"),
							rs.getString("unit_path"), new HashMap<>());
					map.put(rs.getString("code"), t);
				}
				UUID member = rs.getObject("member_id", UUID.class);
				if (member != null) {
					t.members().put(TextNormalizer.fold(rs.getString("full_name")), member);
				}
			});
		return map;
	}

}
