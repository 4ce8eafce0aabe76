package vn.giamngheo.imports;

import java.util.List;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.ObjectMapper;

import vn.giamngheo.registry.BulkAssessment;

import static org.assertj.core.api.Assertions.assertThat;

/** Revert records written before classifications carried their version still read. */
class RevertRecordsTest {

	@Test
	void aClassificationRecordedWithoutItsVersionReadsAsVersionZero() {
		String old = "{\"id\":\"01a24a35-a9b7-7004-9180-38ef3cc14e9c\",\"householdId\":"
				+ "\"01a24a35-a9b7-7000-8725-72ab90ac3403\",\"provinceCode\":\"51\",\"year\":2024,"
				+ "\"standardKey\":\"VN-2022\",\"memberCount\":2,\"incomePerCapita\":1200000,\"waterSource\":null,"
				+ "\"latrine\":null,\"deprivations\":[\"HIN\"],\"classification\":\"POOR\",\"decisionNo\":\"1/QĐ\"}";
		BulkAssessment a = Imports.assessmentBefore(new ObjectMapper(), old);
		assertThat(a.version()).isZero();
		assertThat(a.deprivations()).isEqualTo(List.of("HIN"));
		assertThat(a.decisionNo()).isEqualTo("1/QĐ");
	}

}
