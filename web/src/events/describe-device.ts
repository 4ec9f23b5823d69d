import type { Messages } from "../i18n/sv";
import type { DeviceInfo } from "./types";

/** "Safari på iOS", or whichever half is known, or the kind of device; null when the user agent told nothing. */
export function describeDevice(
  device: Pick<DeviceInfo, "deviceType" | "browser" | "os"> | null | undefined,
  t: Messages,
): string | null {
  if (!device) return null;
  if (device.browser && device.os) return t.events.browserOn(device.browser, device.os);
  // "Other device" says nothing worth a column's room; a phone or a tablet does.
  if (device.deviceType === "other") return device.browser ?? device.os;
  return device.browser ?? device.os ?? t.events.deviceTypes[device.deviceType] ?? null;
}
