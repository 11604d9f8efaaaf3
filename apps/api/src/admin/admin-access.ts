import { Injectable, type PipeTransform } from '@nestjs/common';
import { isUUID } from 'class-validator';
import { problems } from '../common/problem.js';

/** A path id that is no uuid names nothing: 404, as an id of another municipality. */
@Injectable()
export class KnownId implements PipeTransform<string, string> {
  transform(value: string): string {
    if (!isUUID(value)) throw problems.notFound();
    return value;
  }
}
