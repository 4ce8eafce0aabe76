-- The latest review year of a province is read on every list request.
create index assessment_province_year on household_assessment (province_code, year);
