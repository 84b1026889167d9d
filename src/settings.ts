// Typed access to the extension's settings (contributed in package.json):
// default plan limits, default time zone, simulator seed, Restate endpoints.
import * as vscode from 'vscode';
import type { Plan } from './core/schema';

export interface JourneySettings {
  defaultPlan: Plan;
  defaultTimeZone: string;
  simulatorSeed: number;
  restateIngressUrl: string;
  restateAdminUrl: string;
}

export function readSettings(scope?: vscode.ConfigurationScope): JourneySettings {
  const c = vscode.workspace.getConfiguration('journeyDesigner', scope);
  return {
    defaultPlan: c.get<Plan>('defaultPlan', 'standard'),
    defaultTimeZone: c.get<string>('defaultTimeZone', 'UTC'),
    simulatorSeed: c.get<number>('simulator.seed', 1),
    restateIngressUrl: c.get<string>('restate.ingressUrl', 'http://127.0.0.1:8080'),
    restateAdminUrl: c.get<string>('restate.adminUrl', 'http://127.0.0.1:9070'),
  };
}
