{{ config(alias='orders') }}
{{ bronze_csv('orders', 'orders/orders_*.csv', not_null=['order_id']) }}
