package vn.giamngheo.targets.web;

import java.util.List;
import java.util.Map;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import vn.giamngheo.targets.Boundaries;
import vn.giamngheo.targets.Dashboards;
import vn.giamngheo.shared.scope.Permission;
import vn.giamngheo.shared.scope.Requires;

/**
 * Unit boundaries: upload a GeoJSON FeatureCollection for the units under a unit, and
 * read the choropleth of its children (the dashboard's map data).
 */
@RestController
@RequestMapping("/api/v1/units/{id}/boundaries")
public class BoundaryApiController {

	private final Boundaries boundaries;

	private final Dashboards dashboards;

	public BoundaryApiController(Boundaries boundaries, Dashboards dashboards) {
		this.boundaries = boundaries;
		this.dashboards = dashboards;
	}

	@Requires(Permission.UNIT_EDIT)
	@PutMapping(consumes = { "application/geo+json", "application/json" })
	Map<String, Object> upload(@PathVariable long id, @RequestBody byte[] body) {
		return Map.of("stored", this.boundaries.upload(id, body));
	}

	@GetMapping
	Map<String, Object> map(@PathVariable long id, @RequestParam(required = false) Integer year) {
		Map<String, Object> map = this.dashboards.map(id, year);
		return (map != null) ? map : Map.of("type", "FeatureCollection", "features", List.of());
	}

}
