{{ config(alias='order_items') }}
{{ bronze_csv('order_items', 'orders/order_items_*.csv',
    types={'quantity': 'INTEGER', 'unit_price': 'DECIMAL(12,2)', 'discount_pct': 'INTEGER'},
    not_null=['order_item_id', 'order_id', 'product_id']) }}
