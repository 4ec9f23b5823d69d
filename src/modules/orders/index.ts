export { moveOrdersOfPerson, returnOrders } from "./move-orders";
export { anonymiseOrdersOfPerson, exportOrdersOfPerson } from "./person-data";
export { ORDER_RECORDED, recordOrder, type TRecordOrderInput, ZRecordOrderInput } from "./record-order";
export { loadOrderFacts, orderJoin, orderRuleFields } from "./rule-facts";
export { OPEN_ORDER_STATUSES, ORDER_STATUSES } from "./schema";
export { ordersTimelineSource } from "./timeline-source";
export { type TOrder, ZOrder } from "./view";
