package vn.giamngheo.shared.web;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

class PageDataTest {

	@Test
	void dataCannotCloseItsScriptElementAndReadsBackTheSame() {
		JsonMapper mapper = JsonMapper.builder().build();
		Map<String, Object> value = Map.of("unit", "Xã </script><script>alert(1)</script> & Đắk R'Lấp", "rows",
				List.of(List.of(2025, 12.5)));
		String json = new PageData(mapper, new org.springframework.context.support.StaticMessageSource()).json(value);
		assertThat(json).doesNotContain("<").doesNotContain(">").doesNotContain("&");
		assertThat(mapper.readValue(json, Map.class)).isEqualTo(value);
	}

}
