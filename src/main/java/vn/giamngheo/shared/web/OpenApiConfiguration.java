package vn.giamngheo.shared.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The published OpenAPI description (browsable at /api/docs). */
@Configuration(proxyBeanMethods = false)
public class OpenApiConfiguration {

	@Bean
	OpenAPI giamngheoOpenApi() {
		return new OpenAPI().info(new Info().title("giamngheo API")
			.version("v1")
			.description(
					"Hệ thống thông tin giảm nghèo bền vững — API JSON. Lỗi theo RFC 9457 (application/problem+json)"
							+ " với mã ổn định `code`. / Sustainable poverty reduction information system — JSON API. Errors are"
							+ " RFC 9457 problem+json with a stable `code`.")
			.license(new License().name("MIT")))
			.components(new Components().addSecuritySchemes("token", new SecurityScheme().type(SecurityScheme.Type.HTTP)
				.scheme("bearer")
				.description(
						"Mã truy cập cá nhân tạo ở /account (gnp_…) / personal access token from /account (gnp_…)")))
			.addSecurityItem(new SecurityRequirement().addList("token"));
	}

}
