-- Unit boundaries (ranh giới đơn vị hành chính) uploaded as GeoJSON: one current boundary
-- per unit, the GeoJSON Feature as uploaded (Polygon or MultiPolygon). Drawn on the
-- dashboards' choropleth map (Leaflet, no tile layer).
create table unit_boundary (
    unit_id      bigint      primary key references admin_unit (id),
    geojson      jsonb       not null,
    uploaded_by  text        not null,
    uploaded_at  timestamptz not null default now()
);
