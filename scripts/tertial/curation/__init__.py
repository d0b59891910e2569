"""Rules of the curate stage, each kept by people in a YAML file under `curation/`:

- corrections.py: corrections of a cell or a row (`curation/corrections.yml`);
- indicators.py: one identity per indicator, unit normalization, direction (`curation/indicators.yml`);
- city_goals.py: one `city_goal_id` per KF goal and mandate period (`curation/city_goals.yml`).
"""
