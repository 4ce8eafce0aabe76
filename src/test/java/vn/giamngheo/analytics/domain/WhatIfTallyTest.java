package vn.giamngheo.analytics.domain;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import vn.giamngheo.standards.domain.Standard;
import vn.giamngheo.standards.domain.StandardFormatException;
import vn.giamngheo.standards.domain.StandardLoader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WhatIfTallyTest {

	static Standard draft() throws Exception {
		return StandardLoader.loadDraft("whatif-draft-rural-line.yaml",
				Files.readString(Path.of("docs/examples/whatif-draft-rural-line.yaml")));
	}

	@Test
	void theExampleDraftChangesTheRuralLineAndInheritsTheRest() throws Exception {
		Standard draft = draft();
		assertThat(draft.incomeWay().povertyLine().rural().value()).isEqualTo(2_000_000);
		assertThat(draft.incomeWay().povertyLine().urban().value()).isEqualTo(2_000_000);
		assertThat(draft.incomeWay().middleCeiling().rural().value()).isEqualTo(2_250_000);
		assertThat(draft.indicators()).hasSize(12);
		assertThat(draft.legalAct().vi()).contains("Dự thảo");
	}

	@Test
	void aDraftMayKeepTheKeyOfTheFileItWasEditedFrom() throws Exception {
		String text = Files.readString(Path.of("docs/examples/whatif-draft-rural-line.yaml"))
			.replace("key: 2022-2025-draft-rural", "key: 2022-2025");
		assertThat(StandardLoader.loadDraft("d.yaml", text).incomeWay().povertyLine().rural().value())
			.isEqualTo(2_000_000);
	}

	@Test
	void aMalformedDraftNamesItsFileAndField() throws Exception {
		String text = Files.readString(Path.of("docs/examples/whatif-draft-rural-line.yaml"))
			.replace("value: 2000000", "value: 3000000");
		// the poverty line above the middle ceiling of the base
		assertThatThrownBy(() -> StandardLoader.loadDraft("d.yaml", text)).isInstanceOf(StandardFormatException.class)
			.satisfies((ex) -> {
				assertThat(((StandardFormatException) ex).file()).isEqualTo("d.yaml");
				assertThat(((StandardFormatException) ex).field()).isEqualTo("income_way.middle_ceiling.rural");
			});
	}

	/** Under the draft: rural line 2,000,000, middle up to 2,250,000, poor from 3. */
	@ParameterizedTest(name = "{0} VND, {1} → {2}")
	@CsvSource({ "2000000, 'WAT,SAN,TEL', 0", "2000000, 'WAT,SAN', 1", "2000001, 'WAT,SAN,TEL', 2",
			"1000000, 'WAT,WAT,WAT', 1", "1000000, 'WAT,XYZ,wat,TOOLONG', 1", "1000000, '', 1",
			"2250000, 'WAT,SAN,TEL', 2" })
	void incomeAndCountedDeprivationsDecide(long income, String deprivations, int group) throws Exception {
		WhatIfTally tally = new WhatIfTally(draft(), 10);
		tally.add(UUID.randomUUID(), 1, 2024, false, "ABOVE_MIDDLE", income, null, null, deprivations);
		int expectedPoor = (group == WhatIfTally.POOR) ? 1 : 0;
		int expectedNear = (group == WhatIfTally.NEAR_POOR) ? 1 : 0;
		assertThat(tally.communes().get(0).poorThen()).isEqualTo(expectedPoor);
		assertThat(tally.communes().get(0).nearPoorThen()).isEqualTo(expectedNear);
		assertThat(tally.changed()).isEqualTo((group == WhatIfTally.OTHER) ? 0 : 1);
	}

	@Test
	void theReasonNamesTheIndicatorsAndTheLineNeverTheCodes() throws Exception {
		WhatIfTally tally = new WhatIfTally(draft(), 10);
		UUID id = UUID.randomUUID();
		tally.add(id, 7, 2024, false, "MIDDLE", 1_800_000L, null, null, "WAT,SAN,TEL");
		WhatIfTally.Change change = tally.change(0);
		assertThat(change.household()).isEqualTo(id);
		assertThat(change.now()).isEqualTo(WhatIfTally.OTHER);
		assertThat(change.then()).isEqualTo(WhatIfTally.POOR);
		assertThat(change.reason().vi()).contains("1.800.000", "2.000.000", "nông thôn", "hộ nghèo",
				"Nguồn nước sinh hoạt");
		assertThat(change.reason().vi()).doesNotContain("WAT", "SAN", "TEL");
		assertThat(change.reason().en()).contains("1,800,000", "poor");
	}

	@Test
	void middleToNotPoorIsNoChangeAndAHouseholdWithoutIncomeOrScoreKeepsItsClass() throws Exception {
		Standard later = StandardLoader.loadClasspath().find("2027-2030").orElseThrow();
		WhatIfTally tally = new WhatIfTally(later, 10);
		tally.add(UUID.randomUUID(), 1, 2024, false, "MIDDLE", 2_500_000L, null, null, "");
		tally.add(UUID.randomUUID(), 1, 2024, false, "POOR", null, 120, 40, "");
		assertThat(tally.changed()).isZero();
		assertThat(tally.unclassified()).isEqualTo(1);
		assertThat(tally.communes().get(0).poorThen()).isEqualTo(1);
		Standard before = StandardLoader.loadClasspath().find("2022-2025").orElseThrow();
		assertThat(tally.notAssessedBy(before)).extracting((t) -> t.vi()).isNotEmpty();
	}

	@Test
	void changedHouseholdsBeyondTheLimitAreCountedNotKept() throws Exception {
		WhatIfTally tally = new WhatIfTally(draft(), 2);
		for (int i = 0; i < 5; i++) {
			tally.add(UUID.randomUUID(), i % 2, 2024, false, "MIDDLE", 1_600_000L, null, null, "");
		}
		assertThat(tally.changed()).isEqualTo(5);
		assertThat(tally.kept()).isEqualTo(2);
		assertThat(tally.households()).isEqualTo(5);
		assertThat(tally.communes()).hasSize(2);
	}

}
