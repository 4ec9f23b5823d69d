export { moveOrdersOfPerson, returnOrders } from "./move-orders";
export { ORDER_RECORDED, type TRecordOrderInput, ZRecordOrderInput } from "./order-input";
export { anonymiseOrdersOfPerson, exportOrdersOfPerson } from "./person-data";
export { recordOrder } from "./record-order";
export { recordOrders, type TRecordedOrder } from "./record-orders";
export { loadOrderFacts, orderJoin, orderRuleFields } from "./rule-facts";
export { OPEN_ORDER_STATUSES, ORDER_STATUSES } from "./schema";
export { ordersTimelineSource } from "./timeline-source";
export { type TOrder, ZOrder } from "./view";
