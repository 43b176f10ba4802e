{{ config(alias='web_events') }}
{{ bronze_json('web_events', 'events/web_events_*.ndjson', columns={
    'event_id': 'VARCHAR', 'event_type': 'VARCHAR', 'event_ts': 'VARCHAR', 'anonymous_id': 'VARCHAR',
    'customer_id': 'VARCHAR', 'session_id': 'VARCHAR', 'page': 'VARCHAR', 'device': 'VARCHAR',
    'utm_source': 'VARCHAR', 'utm_medium': 'VARCHAR', 'utm_campaign': 'VARCHAR', 'order_id': 'VARCHAR'},
    not_null=['event_id']) }}
